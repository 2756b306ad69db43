"""Start N app replicas on loopback sharing one database, optionally behind nginx (deploy/nginx.conf.template).

Used by the two-replica test and by ``bench/bench_load.py --replicas N``; also a recipe for a real setup:
``python -m deploy.replicas --replicas 2 --database-url postgresql+psycopg://… --proxy-port 8080``.
"""
from __future__ import annotations

import argparse
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_healthy(url: str, timeout: float = 60, poll: float = 0.3) -> None:
    """Until the app at ``url`` answers ``/_stcore/health`` with ok (used by tests and benchmarks too)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(poll)
    raise RuntimeError(f"{url} did not become healthy within {timeout} s")


@dataclass
class Cluster:
    replica_urls: list[str]
    proxy_url: str | None
    processes: list[subprocess.Popen] = field(default_factory=list)
    workdir: Path | None = None

    def stop(self) -> None:
        for process in self.processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        for process in self.processes:
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                process.kill()


def render_nginx_conf(replica_ports: list[int], listen_port: int, workdir: Path) -> Path:
    text = TEMPLATE.read_text()
    values = {
        "pid_file": str(workdir / "nginx.pid"), "error_log": str(workdir / "nginx-error.log"), "daemon": "off",
        "temp_dir": str(workdir), "listen": f"127.0.0.1:{listen_port}",
        "upstreams": "\n".join(f"        server 127.0.0.1:{p};" for p in replica_ports),
    }
    for key, value in values.items():
        text = text.replace("{{" + key + "}}", value)
    path = workdir / "nginx.conf"
    path.write_text(text)
    return path


def start_proxy(replica_ports: list[int], listen_port: int, workdir: Path) -> subprocess.Popen:
    """nginx from the template in front of replicas already running on loopback, answering once healthy."""
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    conf = render_nginx_conf(replica_ports, listen_port, workdir)
    process = subprocess.Popen([nginx, "-c", str(conf), "-p", str(workdir)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{listen_port}", timeout=20)
    except Exception:
        process.kill()
        raise
    return process


def start(replicas: int, database_url: str, proxy: bool = True, env_extra: dict | None = None,
          proxy_port: int | None = None) -> Cluster:
    workdir = Path(tempfile.mkdtemp(prefix="dds-replicas-"))
    ports = [free_port() for _ in range(replicas)]
    proxy_port = proxy_port or (free_port() if proxy else None)
    public_url = f"http://127.0.0.1:{proxy_port}" if proxy else None
    env = {**os.environ, "DDS_DATABASE_URL": database_url, **(env_extra or {})}
    if public_url:
        env["DDS_PUBLIC_URL"] = public_url
    cluster = Cluster([f"http://127.0.0.1:{p}" for p in ports], public_url, workdir=workdir)
    for port in ports:
        log = open(workdir / f"replica-{port}.log", "w")
        cluster.processes.append(subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.address", "127.0.0.1",
             "--server.port", str(port), "--server.headless", "true"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT))
    try:
        for url in cluster.replica_urls:
            wait_healthy(url)
        if proxy:
            cluster.processes.append(start_proxy(ports, proxy_port, workdir))
    except Exception:
        cluster.stop()
        raise
    return cluster


def nginx_available() -> bool:
    return bool(shutil.which("nginx") or Path("/usr/sbin/nginx").exists())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--replicas", type=int, default=2)
    parser.add_argument("--database-url", default=os.environ.get("DDS_DATABASE_URL"))
    parser.add_argument("--proxy-port", type=int, default=8080)
    args = parser.parse_args()
    if not args.database_url or args.database_url.startswith("sqlite"):
        sys.exit("several replicas need a shared server database: --database-url postgresql+psycopg://…")
    cluster = start(args.replicas, args.database_url, proxy=True, proxy_port=args.proxy_port)
    print(f"replicas: {cluster.replica_urls}\nproxy: {cluster.proxy_url}  (Ctrl-C stops all)")
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        cluster.stop()


if __name__ == "__main__":
    main()
