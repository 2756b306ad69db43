"""A headless Streamlit browser session over Streamlit's own WebSocket protocol (for bench_load and soak).

What a browser tab does, reduced to what the server sees: it opens ``/_stcore/stream`` with the subprotocol
``streamlit`` and an ``Origin`` of the app's address, sends ``BackMsg.rerun_script`` (query string, page,
widget states, context) and reads ``ForwardMsg``s until ``script_finished``. Between runs it keeps what the
browser keeps: the URL's query string (``page_info_changed``), the current page (``navigation``) and the
widgets the last run drew (by user key; a form's submit button as ``submit:<form key>``). Like a browser it sends
only what the visitor changed: the server keeps every other widget's value. Like a browser it keeps the large
elements it was sent (``metadata.cacheable``, by hash) and lists them in every rerun
(``cached_message_hashes``), so the server sends a ``ref_hash`` instead of, say, the EU map a second time.
Only given URLs are contacted.
"""
from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from urllib.parse import parse_qs, urlencode, urlsplit

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from websockets.asyncio.client import connect

TEXT_FIELDS = ("body", "label", "placeholder", "help", "caption")
MESSAGE_CACHE_SIZE = 200  # large elements kept per tab (the browser evicts unused ones after a few runs)
DONE = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_WITH_COMPILE_ERROR,
        ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


@dataclass
class Run:
    """One interaction as the visitor feels it: from sending the rerun to the last script_finished."""
    seconds: float
    status: int
    messages: int
    exceptions: list[str]
    page: str
    texts: list[str] = field(default_factory=list)  # what the run drew as text: bodies, labels, captions

    @property
    def text(self) -> str:
        return "\n".join(self.texts)


@dataclass
class Session:
    base_url: str
    locale: str = "de-DE"
    query_string: str = ""
    timeout: float = 60.0
    page_hash: str = ""
    pages: dict[str, str] = field(default_factory=dict)  # url_pathname -> page_script_hash
    widgets: dict[str, tuple[str, str, object]] = field(default_factory=dict)  # user key -> (id, type, proto)
    auto_reruns: dict[str, float] = field(default_factory=dict)  # fragment id -> run_every seconds
    last_texts: list[str] = field(default_factory=list)
    message_cache: dict[str, bytes] = field(default_factory=dict)  # hash -> a large element as it was sent
    session_id: str = ""  # the server's id of this tab (the upload endpoint's URL carries it)
    server_runs: int = 0  # runs the server started by itself (a wake-up), read before the next rerun
    _pending: list[bytes] = field(default_factory=list)
    ws: object = None

    async def open(self) -> "Session":
        parts = urlsplit(self.base_url)
        ws_url = f"{'wss' if parts.scheme == 'https' else 'ws'}://{parts.netloc}{parts.path.rstrip('/')}/_stcore/stream"
        self.ws = await connect(ws_url, subprotocols=["streamlit"], origin=f"{parts.scheme}://{parts.netloc}",
                                proxy=None, max_size=None, open_timeout=self.timeout, ping_interval=None)
        return self

    async def close(self) -> None:
        if self.ws is not None:
            await self.ws.close()
            self.ws = None

    @property
    def params(self) -> dict[str, str]:
        return {k: v[-1] for k, v in parse_qs(self.query_string).items()}

    def page_name(self) -> str:
        names = [name for name, h in self.pages.items() if h == self.page_hash]
        return max(names, key=len) if names else ""  # the default page is also "" — prefer its real name

    async def rerun(self, triggers: tuple[str, ...] = (), set_values: dict[str, dict] | None = None,
                    page: str | None = None, query: dict | None = None, fragment_id: str = "") -> Run:
        """Send one rerun: ``triggers`` are user keys of buttons to press, ``set_values`` maps user keys to
        WidgetState fields (e.g. {"string_value": "x"}), ``page`` a url_pathname to navigate to."""
        msg = BackMsg()
        state = msg.rerun_script
        if query is not None:
            self.query_string = urlencode(query)
        if page is not None:
            self.page_hash = self.pages.get(page, "")
            state.page_name = page
        state.query_string = self.query_string
        state.page_script_hash = self.page_hash
        if fragment_id:  # what the browser sends on a fragment's run_every timer
            state.fragment_id = fragment_id
            state.is_auto_rerun = True
        state.context_info.locale = self.locale
        state.context_info.timezone = "Europe/Copenhagen"
        state.context_info.url = self.base_url
        state.cached_message_hashes.extend(self.message_cache)
        for key, fields in (set_values or {}).items():
            widget = state.widget_states.widgets.add()
            widget.id = self._id(key)
            for name, value in fields.items():
                if isinstance(value, (list, tuple)):
                    getattr(widget, name).data.extend(value)
                else:
                    setattr(widget, name, value)
        for key in triggers:
            widget = state.widget_states.widgets.add()
            widget.id = self._id(key)
            widget.trigger_value = True
        await self._drain()
        started = time.perf_counter()
        await self.ws.send(msg.SerializeToString())
        return await self._read_until_finished(started, fragment=bool(fragment_id))

    async def _drain(self) -> None:
        """Read what the server sent unasked (a run it started itself: ui/shell/wakeup.py wakes a page when the store
        changes), so that the next answer is not mistaken for it. Counted in ``server_runs``."""
        while True:
            try:
                raw = await asyncio.wait_for(self.ws.recv(), timeout=0.002)
            except asyncio.TimeoutError:
                return
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            if fwd.WhichOneof("type") != "new_session":
                continue  # what follows a finished run (status changes): nothing this tab keeps
            self.server_runs += 1
            self._pending.append(raw)
            await self._read_until_finished(time.perf_counter())

    async def poll(self, fragment_id: str) -> Run:
        """One tick of a ``st.fragment(run_every=...)`` timer, as the browser sends it."""
        return await self.rerun(fragment_id=fragment_id)

    def key_starting(self, prefix: str) -> str | None:
        """The user key of a widget whose key starts with ``prefix`` (keys that carry an id, e.g. a request)."""
        return next((k for k in self.widgets if k.startswith(prefix)), None)

    def _id(self, key: str) -> str:
        if key not in self.widgets:
            raise KeyError(f"no widget with key {key!r} on page {self.page_name()!r}; have {sorted(self.widgets)}; "
                           f"the page showed {[t[:60] for t in self.last_texts[2:8]]}")
        return self.widgets[key][0]

    async def _read_until_finished(self, started: float, fragment: bool = False) -> Run:
        count, exceptions, texts = 0, [], []
        seen = dict(self.widgets) if fragment else {}
        deadline = started + self.timeout
        while True:
            raw = self._pending.pop(0) if self._pending else await asyncio.wait_for(
                self.ws.recv(), timeout=max(deadline - time.perf_counter(), 0.01))
            fwd = ForwardMsg()
            fwd.ParseFromString(raw)
            count += 1
            kind = fwd.WhichOneof("type")
            if kind == "ref_hash" and fwd.ref_hash in self.message_cache:  # an element this tab already has
                ref = fwd.ref_hash
                self.message_cache[ref] = self.message_cache.pop(ref)  # recently used: kept longest
                fwd = ForwardMsg()
                fwd.ParseFromString(self.message_cache[ref])
                kind = fwd.WhichOneof("type")
            elif fwd.metadata.cacheable and fwd.hash:
                self.message_cache[fwd.hash] = raw
                while len(self.message_cache) > MESSAGE_CACHE_SIZE:
                    self.message_cache.pop(next(iter(self.message_cache)))
            if kind == "new_session" and not fwd.metadata.run.fragment_ids:  # a full run starts (not a fragment's)
                seen, fragment, texts = {}, False, []
                self.auto_reruns.clear()
                self._learn_pages(fwd.new_session.app_pages)
                self.session_id = fwd.new_session.initialize.session_id or self.session_id
                if fwd.new_session.page_script_hash:
                    self.page_hash = fwd.new_session.page_script_hash
            elif kind == "navigation":
                self._learn_pages(fwd.navigation.app_pages)
                self.page_hash = fwd.navigation.page_script_hash
            elif kind == "auto_rerun":
                self.auto_reruns[fwd.auto_rerun.fragment_id] = fwd.auto_rerun.interval
            elif kind == "stop_auto_rerun":
                for fragment_id in fwd.stop_auto_rerun.fragment_ids:
                    self.auto_reruns.pop(fragment_id, None)
            elif kind == "page_info_changed":
                self.query_string = fwd.page_info_changed.query_string
            elif kind == "delta" and fwd.delta.WhichOneof("type") == "new_element":
                element = fwd.delta.new_element
                etype = element.WhichOneof("type")
                if etype == "exception":
                    exceptions.append(f"{element.exception.type}: {element.exception.message}")
                sub = getattr(element, etype) if etype else None
                texts += [v for name in TEXT_FIELDS if isinstance(v := getattr(sub, name, None), str) and v]
                if etype == "button_group":  # its options' labels are text on the screen (Digital Post's rows)
                    texts += [option.content for option in sub.options if option.content]
                widget_id = getattr(sub, "id", "") if sub is not None else ""
                if widget_id.startswith("$$ID-") and widget_id.count("-") >= 2:
                    key = widget_id.split("-", 2)[2]
                    if etype == "button" and sub.is_form_submitter:
                        key = f"submit:{sub.form_id}"
                    seen[key] = (widget_id, etype, sub)
            elif kind == "script_finished" and fwd.script_finished in DONE:
                self.widgets, self.last_texts = seen, texts
                return Run(time.perf_counter() - started, fwd.script_finished, count, exceptions, self.page_name(),
                           texts)

    def _learn_pages(self, app_pages) -> None:
        for page in app_pages:
            self.pages[page.url_pathname] = page.page_script_hash
