"""All persistence of the showcase, behind a small interface that works on SQLite and PostgreSQL.

The store keeps *items*: JSON documents of a ``kind`` ("visit", "auth_request", "submission", "letter", …),
each with an id, optionally scoped to a visit (so a visit's data can be deleted in one call) and optionally with
a lookup ``key`` (a MitID user ID, a token hash, …). Updates can be conditional on the version a reader saw,
which is what makes a login token single-use when a phone and a kiosk race. Booth events are a separate,
append-only table that never holds personal data.

Engine: ``DDS_DATABASE_URL`` (SQLAlchemy URL). Default: an SQLite file in WAL mode under ``var/``.
Schema changes are versioned in ``MIGRATIONS``; ``Store`` applies the missing ones on first use.

Ids and keys the tables cannot hold (a NUL byte, which PostgreSQL refuses in text; more than the column's length)
name nothing: lookups answer "not found" without asking the database, writes raise ValueError. Callers check
what comes from outside first (simulators/core/ids.py); this is the last line of defence, the same on both engines.
"""
from __future__ import annotations

import json
import os
import queue
import sqlite3
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterable, TypeVar

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.engine import Engine
from simulators.core import ids
from simulators.core.paths import ROOT

DEFAULT_URL = f"sqlite:///{ROOT / 'var' / 'showcase.db'}"

metadata = sa.MetaData()
items = sa.Table(
    "items",
    metadata,
    sa.Column("kind", sa.String(32), primary_key=True),
    sa.Column("id", sa.String(64), primary_key=True),
    sa.Column("visit_id", sa.String(64), index=True),
    sa.Column("key", sa.String(128), index=True),
    sa.Column("version", sa.Integer, nullable=False, default=1),
    sa.Column("created_at", sa.Float, nullable=False),
    sa.Column("updated_at", sa.Float, nullable=False),
    sa.Column("data", sa.Text, nullable=False),
)
events = sa.Table(
    "booth_events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("ts", sa.Float, nullable=False, index=True),
    sa.Column("visit_tag", sa.String(32), nullable=False),
    sa.Column("event", sa.String(48), nullable=False),
    sa.Column("detail", sa.String(64), nullable=False, default=""),
    sa.Column("lang", sa.String(8), nullable=False, default=""),
    sa.Column("mode", sa.String(16), nullable=False, default=""),
)
schema_version = sa.Table(
    "schema_version",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("applied_at", sa.Float, nullable=False),
)

# Each migration is a list of DDL statements, applied once, in order. Version 1 is the tables above.
MIGRATIONS: dict[int, list[str]] = {
    1: [],
    2: ["CREATE INDEX IF NOT EXISTS ix_items_kind_key ON items (kind, key)"],
    # A visit's items of one kind, in order (a mailbox, a visit's submissions): SQLite answered
    # "kind = ? AND visit_id = ?" through ix_items_kind_key, reading every visit's letters (issue #18).
    3: ["CREATE INDEX IF NOT EXISTS ix_items_visit_kind ON items (visit_id, kind, created_at, id)"],
}


@dataclass(frozen=True)
class Item:
    kind: str
    id: str
    visit_id: str | None
    key: str | None
    version: int
    created_at: float
    updated_at: float
    data: dict[str, Any]


# The statements of the hot paths, built once (building a select with its where clause costs more than
# running it on SQLite); the values go in as bound parameters.
_BY_KEY = (items.c.kind == sa.bindparam("b_kind"), items.c.id == sa.bindparam("b_id"))
_GET = sa.select(items).where(*_BY_KEY)
_VERSION = sa.select(items.c.version, items.c.created_at).where(*_BY_KEY)


def _holdable(*ids_and_keys: str | None, limit: int = ids.ID_MAX) -> bool:
    return all(ids.storable(value, limit) for value in ids_and_keys)


def _check_write(kind: str, id: str, visit_id: str | None, key: str | None) -> None:
    if not (_holdable(kind, id, visit_id) and _holdable(key, limit=ids.KEY_MAX)):
        raise ValueError(f"the store cannot hold this id or key (kind {kind!r}): check it first (simulators/core/ids.py)")


def _row_to_item(row) -> Item:
    return Item(row.kind, row.id, row.visit_id, row.key, row.version, row.created_at, row.updated_at,
                json.loads(row.data))


T = TypeVar("T")
SQLITE_POOL_SIZE = 32
_engines: dict[str, Engine] = {}
_direct: dict[str, "_SqliteDirect"] = {}


class _SqliteDirect:
    """SQLite's hot reads (get, find, versions) and writes straight through sqlite3: one indexed SELECT costs
    ~6 µs there and ~110 µs through SQLAlchemy's connection, transaction and result layers, and a page run reads
    the store a few times (issue #18). Autocommit connections kept in a queue, any thread may take one; under WAL
    every SELECT sees what was committed before it began, as with the engine. On SQLite the hot writes (put,
    update, add_event) go this way too (``write``). (On PostgreSQL psycopg directly measured no better than the
    engine with autocommit single statements, ``Store.single_statement``.)"""

    COLUMNS = 'kind, id, visit_id, "key", version, created_at, updated_at, data'

    def __init__(self, path: str):
        self.path = path
        self._idle: queue.SimpleQueue[sqlite3.Connection] = queue.SimpleQueue()
        # Writers of this process queue here rather than in SQLite's busy handler, which sleeps in steps of up to
        # 100 ms: with a class's worth of threads that turned a 0.1 ms write into waits of seconds.
        self._write_lock = threading.Lock()

    def _take(self) -> sqlite3.Connection:
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            conn = sqlite3.connect(self.path, timeout=30, isolation_level=None, check_same_thread=False)
            conn.execute("PRAGMA busy_timeout=30000")
            conn.execute("PRAGMA synchronous=NORMAL")  # as the engine's connections (WAL: no fsync per commit)
            return conn

    def rows(self, sql: str, params: tuple) -> list[tuple]:
        conn = self._take()
        try:
            return conn.execute(sql, params).fetchall()
        finally:
            self._idle.put(conn)

    def insert_many(self, rows: list[dict]) -> None:
        """New items in one transaction; an id taken already fails the whole batch with the engine's own error
        (``sa.exc.IntegrityError``), as ``conn.execute(items.insert(), rows)`` does."""
        statement = ('INSERT INTO items (kind, id, visit_id, "key", version, created_at, updated_at, data) '
                     "VALUES (:kind, :id, :visit_id, :key, :version, :created_at, :updated_at, :data)")
        try:
            self.write(lambda conn: conn.executemany(statement, rows))
        except sqlite3.IntegrityError as error:
            raise sa.exc.IntegrityError(statement, rows[:1], error) from error

    def write(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """``work(conn)`` in one transaction that takes the write lock up front (as the engine's writer does)."""
        conn = self._take()
        try:
            with self._write_lock:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    result = work(conn)
                except BaseException:
                    conn.execute("ROLLBACK")
                    raise
                conn.execute("COMMIT")
                return result
        finally:
            self._idle.put(conn)


def _sqlite_direct(url: str) -> _SqliteDirect | None:
    path = url.split("///", 1)[-1] if url.startswith("sqlite:///") else ""
    if not path or path == ":memory:" or "?" in path:
        return None  # an in-memory database exists only in the engine's own connection
    with _engines_lock:
        return _direct.setdefault(url, _SqliteDirect(path))


def _tuple_to_item(row: tuple) -> Item:
    return Item(*row[:7], json.loads(row[7]))


def _sqlite_put(conn: sqlite3.Connection, kind: str, id: str, visit_id: str | None, key: str | None, now: float,
                payload: str) -> Item:
    """Store.put on SQLite's own connection: the same rows and versions as the engine's path."""
    row = conn.execute("SELECT version, created_at FROM items WHERE kind = ? AND id = ?", (kind, id)).fetchone()
    if row is None:
        conn.execute('INSERT INTO items (kind, id, visit_id, "key", version, created_at, updated_at, data) '
                     "VALUES (?, ?, ?, ?, 1, ?, ?, ?)", (kind, id, visit_id, key, now, now, payload))
        return Item(kind, id, visit_id, key, 1, now, now, json.loads(payload))
    conn.execute('UPDATE items SET visit_id = ?, "key" = ?, version = ?, updated_at = ?, data = ? '
                 "WHERE kind = ? AND id = ?", (visit_id, key, row[0] + 1, now, payload, kind, id))
    return Item(kind, id, visit_id, key, row[0] + 1, row[1], now, json.loads(payload))


def _sqlite_update(conn: sqlite3.Connection, kind: str, id: str, now: float, payload: str,
                   expected_version: int | None, key) -> Item | None:
    """Store.update on SQLite's own connection (``key``: ``...`` keeps the item's key)."""
    sets, params = ["version = version + 1", "updated_at = ?", "data = ?"], [now, payload]
    if key is not ...:
        sets.append('"key" = ?')
        params.append(key)
    where, params = "kind = ? AND id = ?", [*params, kind, id]
    if expected_version is not None:
        where += " AND version = ?"
        params.append(expected_version)
    if conn.execute(f"UPDATE items SET {', '.join(sets)} WHERE {where}", params).rowcount != 1:
        return None
    row = conn.execute(f"SELECT {_SqliteDirect.COLUMNS} FROM items WHERE kind = ? AND id = ?", (kind, id)).fetchone()
    return _tuple_to_item(row)
_engines_lock = threading.Lock()


def _make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        # One script thread per browser session runs at a time per session, and a class of 100 runs many at once:
        # SQLAlchemy's default pool (5 + 10 overflow) then opened and closed a connection (with its PRAGMAs) for
        # most queries under load. Keep enough open; SQLite connections are cheap to hold (issue #18).
        pool = ({} if not path or path == ":memory:" else  # one in-memory database lives in one connection
                {"poolclass": sa.pool.QueuePool, "pool_size": SQLITE_POOL_SIZE, "max_overflow": SQLITE_POOL_SIZE})
        engine = sa.create_engine(url, connect_args={"check_same_thread": False, "timeout": 30}, **pool)

        @sa.event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # WAL: readers never wait for the writer
            dbapi_conn.isolation_level = None  # we issue BEGIN ourselves (below)
            cursor = dbapi_conn.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        @sa.event.listens_for(engine, "begin")
        def _sqlite_begin(conn):
            # Writers take the lock up front, so a read-then-write never deadlocks. Readers run each SELECT in
            # its own implicit transaction (every read here is one statement): one round trip fewer per read.
            if conn.get_execution_options().get("dds_write"):
                conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    # No pre-ping (a "SELECT 1" round trip on every checkout, a third of a read's cost under load): a connection
    # that died with a database restart fails one statement, SQLAlchemy then drops the whole pool, and connections
    # are renewed every 10 minutes anyway. Most of the 30 stay open: an overflow connection is a new login each time.
    return sa.create_engine(url, pool_pre_ping=False, pool_recycle=600, pool_size=25, max_overflow=5)


class LostRace(RuntimeError):
    """``Store.change`` lost every attempt to other writers."""


class Store:
    """One database. Cheap to construct: engines are shared per URL within the process."""

    def __init__(self, url: str | None = None):
        self.url = url or os.environ.get("DDS_DATABASE_URL") or DEFAULT_URL
        with _engines_lock:
            engine = _engines.get(self.url)
            if engine is None:
                engine = _make_engine(self.url)
                _migrate(engine)
                _engines[self.url] = engine
        self.engine = engine
        self.writer = engine.execution_options(dds_write=True)
        self.is_sqlite = self.url.startswith("sqlite")
        self.is_postgres = engine.dialect.name == "postgresql"
        self._sqlite = _sqlite_direct(self.url) if self.is_sqlite else None
        # A single statement (a read, the upsert, UPDATE … RETURNING) needs no transaction: on PostgreSQL, autocommit
        # spares each a ROLLBACK or COMMIT round trip (issue #18: 3 round trips per read became 1).
        self.single_statement = engine if self.is_sqlite else engine.execution_options(isolation_level="AUTOCOMMIT")

    # ---- items -------------------------------------------------------------------------------------------
    def put(self, kind: str, id: str, data: dict, visit_id: str | None = None, key: str | None = None,
            at: float | None = None) -> Item:
        """Insert or replace an item (its version restarts at 1 when it is new, else increments). ``at``: the time
        it counts as written (default now; ``delete_older`` compares it)."""
        _check_write(kind, id, visit_id, key)
        now = time.time() if at is None else at
        payload = json.dumps(data, ensure_ascii=False, default=str)
        if self._sqlite:
            return self._sqlite.write(lambda conn: _sqlite_put(conn, kind, id, visit_id, key, now, payload))
        if self.is_postgres:  # one statement, one round trip (it was SELECT, INSERT or UPDATE, COMMIT)
            upsert = pg_insert(items).values(kind=kind, id=id, visit_id=visit_id, key=key, version=1, created_at=now,
                                             updated_at=now, data=payload)
            upsert = upsert.on_conflict_do_update(
                index_elements=[items.c.kind, items.c.id],
                set_={"visit_id": visit_id, "key": key, "version": items.c.version + 1, "updated_at": now,
                      "data": payload}).returning(items.c.version, items.c.created_at)
            with self.single_statement.connect() as conn:  # autocommit: the statement commits itself
                row = conn.execute(upsert).one()
            return Item(kind, id, visit_id, key, row.version, row.created_at, now, json.loads(payload))
        with self.writer.begin() as conn:
            row = conn.execute(_VERSION, {"b_kind": kind, "b_id": id}).first()
            if row is None:
                conn.execute(items.insert().values(kind=kind, id=id, visit_id=visit_id, key=key, version=1,
                                                   created_at=now, updated_at=now, data=payload))
                return Item(kind, id, visit_id, key, 1, now, now, json.loads(payload))
            conn.execute(items.update().where(items.c.kind == kind, items.c.id == id)
                         .values(visit_id=visit_id, key=key, version=row.version + 1, updated_at=now, data=payload))
            return Item(kind, id, visit_id, key, row.version + 1, row.created_at, now, json.loads(payload))

    def add(self, kind: str, id: str, data: dict, visit_id: str | None = None, key: str | None = None) -> Item | None:
        """Insert a new item only: None when an item of this kind and id exists already (the id is taken — the
        primary key decides, so two processes racing for one id cannot both get it)."""
        _check_write(kind, id, visit_id, key)
        now = time.time()
        payload = json.dumps(data, ensure_ascii=False, default=str)
        try:
            with self.writer.begin() as conn:
                conn.execute(items.insert().values(kind=kind, id=id, visit_id=visit_id, key=key, version=1,
                                                   created_at=now, updated_at=now, data=payload))
        except sa.exc.IntegrityError:
            return None
        return Item(kind, id, visit_id, key, 1, now, now, json.loads(payload))

    def put_many(self, kind: str, entries: Iterable[tuple[str, dict]], visit_id: str | None = None) -> int:
        """Insert many new items of one kind in one transaction (e.g. a persona's letters)."""
        now = time.time()
        entries = list(entries)
        for i, _data in entries:
            _check_write(kind, i, visit_id, None)
        rows = [dict(kind=kind, id=i, visit_id=visit_id, key=None, version=1, created_at=now, updated_at=now,
                     data=json.dumps(d, ensure_ascii=False, default=str)) for i, d in entries]
        if rows and self._sqlite:  # a mailbox's first open writes its letters: sqlite3 directly, as the hot writes
            self._sqlite.insert_many(rows)
        elif rows:
            with self.writer.begin() as conn:
                conn.execute(items.insert(), rows)
        return len(rows)

    def get(self, kind: str, id: str) -> Item | None:
        if not _holdable(kind, id):
            return None
        if self._sqlite:
            found = self._sqlite.rows(f"SELECT {_SqliteDirect.COLUMNS} FROM items WHERE kind = ? AND id = ?", (kind, id))
            return _tuple_to_item(found[0]) if found else None
        with self.single_statement.connect() as conn:
            row = conn.execute(_GET, {"b_kind": kind, "b_id": id}).first()
        return _row_to_item(row) if row else None

    def versions(self, kind: str, ids_: Iterable[str]) -> dict[str, int]:
        """The current version of each of these items that exists (one query): a watcher's "has anything
        changed" read (ui/shell/wakeup.py), without loading any item's data."""
        wanted = sorted({i for i in ids_ if _holdable(kind, i)})
        if not wanted:
            return {}
        if self._sqlite:
            marks = ", ".join("?" * len(wanted))
            return dict(self._sqlite.rows(f"SELECT id, version FROM items WHERE kind = ? AND id IN ({marks})",
                                          (kind, *wanted)))
        query = sa.select(items.c.id, items.c.version).where(items.c.kind == kind, items.c.id.in_(wanted))
        with self.single_statement.connect() as conn:
            return {row.id: row.version for row in conn.execute(query)}

    def find(self, kind: str, visit_id: str | None = None, key: str | None = None) -> list[Item]:
        if not (_holdable(kind, visit_id) and _holdable(key, limit=ids.KEY_MAX)):
            return []
        if self._sqlite:
            where, params = ["kind = ?"], [kind]
            for column, value in (("visit_id", visit_id), ('"key"', key)):
                if value is not None:
                    where.append(f"{column} = ?")
                    params.append(value)
            found = self._sqlite.rows(f"SELECT {_SqliteDirect.COLUMNS} FROM items WHERE {' AND '.join(where)} "
                                      "ORDER BY created_at, id", tuple(params))
            return [_tuple_to_item(row) for row in found]
        query = sa.select(items).where(items.c.kind == kind)
        if visit_id is not None:
            query = query.where(items.c.visit_id == visit_id)
        if key is not None:
            query = query.where(items.c.key == key)
        with self.single_statement.connect() as conn:
            rows = conn.execute(query.order_by(items.c.created_at, items.c.id)).all()
        return [_row_to_item(r) for r in rows]

    def update(self, kind: str, id: str, data: dict, expected_version: int | None = None,
               key: str | None | type(...) = ...) -> Item | None:
        """Replace an item's data if it exists (and still has ``expected_version``); None when it lost the race."""
        if not _holdable(kind, id):
            return None
        if key is not ... and not _holdable(key, limit=ids.KEY_MAX):
            raise ValueError(f"the store cannot hold this key (kind {kind!r}): check it first (simulators/core/ids.py)")
        now = time.time()
        payload = json.dumps(data, ensure_ascii=False, default=str)
        condition = [items.c.kind == kind, items.c.id == id]
        if expected_version is not None:
            condition.append(items.c.version == expected_version)
        if self._sqlite:
            return self._sqlite.write(lambda conn: _sqlite_update(conn, kind, id, now, payload, expected_version, key))
        values = dict(version=items.c.version + 1, updated_at=now, data=payload)
        if key is not ...:
            values["key"] = key
        if self.is_postgres:  # UPDATE … RETURNING in autocommit: one round trip (it was UPDATE, SELECT, COMMIT)
            with self.single_statement.connect() as conn:
                row = conn.execute(items.update().where(*condition).values(**values).returning(*items.c)).first()
            return _row_to_item(row) if row else None
        with self.writer.begin() as conn:
            result = conn.execute(items.update().where(*condition).values(**values))
            if result.rowcount != 1:
                return None
            row = conn.execute(_GET, {"b_kind": kind, "b_id": id}).first()
        return _row_to_item(row)

    def change(self, kind: str, id: str, edit: Callable[[Item], dict | None],
               attempts: int = 10) -> tuple[Item | None, dict | None]:
        """Compare-and-set: read the item, ``edit(item)`` gives its new data (None: leave it as it is), written only
        over the version read; lost to another writer meanwhile, read again. Returns (the item as last read, the
        data written or None); (None, None): no such item. ``LostRace`` after ``attempts`` lost races."""
        for _attempt in range(attempts):
            item = self.get(kind, id)
            if item is None:
                return None, None
            data = edit(item)
            if data is None:
                return item, None
            if self.update(kind, id, data, expected_version=item.version) is not None:
                return item, data
        raise LostRace(f"{kind} {id!r} kept changing: {attempts} writes lost their race")

    def delete(self, kind: str, id: str) -> bool:
        if not _holdable(kind, id):
            return False
        with self.writer.begin() as conn:
            return conn.execute(items.delete().where(items.c.kind == kind, items.c.id == id)).rowcount == 1

    def delete_visit(self, visit_id: str) -> int:
        """Remove everything a visit left: its items and the visit itself. Returns the number removed."""
        if not _holdable(visit_id):
            return 0
        with self.writer.begin() as conn:
            n = conn.execute(items.delete().where(items.c.visit_id == visit_id)).rowcount
            n += conn.execute(items.delete().where(items.c.kind == "visit", items.c.id == visit_id)).rowcount
        return n

    def delete_older(self, kind: str, before: float) -> int:
        """Remove the items of a kind last written before ``before`` (``put``'s ``at``): short-lived items that
        belong to no visit, e.g. a phone's wrong-code counter. Returns the number removed."""
        with self.writer.begin() as conn:
            return conn.execute(items.delete().where(items.c.kind == kind, items.c.updated_at < before)).rowcount

    def count(self, kind: str | None = None, visit_id: str | None = None) -> int:
        if not _holdable(kind, visit_id):
            return 0
        query = sa.select(sa.func.count()).select_from(items)
        if kind is not None:
            query = query.where(items.c.kind == kind)
        if visit_id is not None:
            query = query.where(sa.or_(items.c.visit_id == visit_id,
                                       sa.and_(items.c.kind == "visit", items.c.id == visit_id)))
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def expired_visits(self, idle_seconds: float, now: float | None = None) -> list[str]:
        limit = (now or time.time()) - idle_seconds
        with self.engine.connect() as conn:
            rows = conn.execute(sa.select(items.c.id).where(items.c.kind == "visit", items.c.updated_at < limit)).all()
        return [r.id for r in rows]

    # ---- booth events (anonymous) ------------------------------------------------------------------------
    def add_event(self, visit_tag: str, event: str, detail: str = "", lang: str = "", mode: str = "",
                  ts: float | None = None) -> None:
        if self._sqlite:
            self._sqlite.write(lambda conn: conn.execute(
                "INSERT INTO booth_events (ts, visit_tag, event, detail, lang, mode) VALUES (?, ?, ?, ?, ?, ?)",
                (ts or time.time(), visit_tag[:32], event[:48], detail[:64], lang[:8], mode[:16])))
            return
        with self.writer.begin() as conn:
            conn.execute(events.insert().values(ts=ts or time.time(), visit_tag=visit_tag[:32], event=event[:48],
                                                detail=detail[:64], lang=lang[:8], mode=mode[:16]))

    def events(self, since: float | None = None) -> list[dict]:
        query = sa.select(events).order_by(events.c.seq)
        if since is not None:
            query = query.where(events.c.ts >= since)
        with self.engine.connect() as conn:
            return [dict(r._mapping) for r in conn.execute(query).all()]

    # ---- maintenance -------------------------------------------------------------------------------------
    def schema_version(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar_one() or 0)

    def clear(self) -> None:
        """Delete every item and event (tests and the booth's end-of-day reset)."""
        with self.writer.begin() as conn:
            conn.execute(items.delete())
            conn.execute(events.delete())


def _migrate(engine: Engine) -> None:
    metadata.create_all(engine, tables=[schema_version])
    with engine.begin() as conn:
        if engine.dialect.name == "postgresql":  # one migrator at a time across replicas
            conn.exec_driver_sql("SELECT pg_advisory_xact_lock(715517)")
        current = conn.execute(sa.select(sa.func.max(schema_version.c.version))).scalar_one() or 0
        if current == 0:
            metadata.create_all(conn, tables=[items, events])
        for version in sorted(v for v in MIGRATIONS if v > current):
            for statement in MIGRATIONS[version]:
                conn.exec_driver_sql(statement)
            conn.execute(schema_version.insert().values(version=version, applied_at=time.time()))
