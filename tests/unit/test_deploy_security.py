"""The proxy and Streamlit settings a public booth needs (issue #17, finding 9): the rendered nginx template sends
CSP (self only), X-Frame-Options, X-Content-Type-Options and Referrer-Policy on every response, error pages
included, and refuses /_stcore/metrics; Streamlit shows no "Ask Google / Ask ChatGPT" links.
A real nginx serving them to Chromium: tests/e2e/test_proxy_headers_e2e.py."""
import re
import shutil
import subprocess
import tomllib
from pathlib import Path

import pytest

from deploy import replicas

ROOT = Path(__file__).resolve().parents[2]
HEADER = re.compile(r'^\s*add_header\s+(\S+)\s+("[^"]*"|\S+)(\s+always)?\s*;', re.M)


@pytest.fixture(scope="module")
def conf(tmp_path_factory) -> str:
    return replicas.render_nginx_conf([8501, 8502], 8080, tmp_path_factory.mktemp("nginx")).read_text()


def server_block(conf: str) -> str:
    start = conf.index("server {")
    depth, i = 0, start
    while True:
        depth += {"{": 1, "}": -1}.get(conf[i], 0)
        i += 1
        if depth == 0 and conf[i - 1] == "}":
            return conf[start:i]


def blocks(text: str, opener: str) -> list[str]:
    """The bodies of every ``opener … { … }`` block (one level, no nested braces inside locations here)."""
    return re.findall(re.escape(opener) + r"[^{]*\{([^{}]*)\}", text)


def headers(conf: str) -> dict[str, tuple[str, bool]]:
    return {name: (value.strip('"'), bool(always)) for name, value, always in HEADER.findall(server_block(conf))}


def csp(conf: str) -> dict[str, list[str]]:
    value = headers(conf)["Content-Security-Policy"][0]
    return {part.split()[0]: part.split()[1:] for part in value.split(";") if part.strip()}


def test_security_headers_on_every_response(conf):
    """Seen failing before the fix: the template sent none of these headers."""
    found = headers(conf)
    assert found["X-Frame-Options"] == ("DENY", True)
    assert found["X-Content-Type-Options"] == ("nosniff", True)
    assert found["Referrer-Policy"] == ("no-referrer", True)
    assert found["Content-Security-Policy"][1] is True  # `always`: 404 and 502 pages carry them too
    # an add_header inside a location would silently drop every inherited one for that location
    for body in blocks(server_block(conf), "location"):
        assert "add_header" not in body, body


def test_csp_allows_only_the_app_itself(conf):
    """Seen failing before the fix: no Content-Security-Policy at all."""
    policy = csp(conf)
    assert policy["default-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"] and policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    for directive, sources in policy.items():
        for source in sources:  # no other host, no wildcard, no scheme that reaches the network
            assert source.startswith("'") or source in ("data:", "blob:"), (directive, source)
            assert source not in ("'unsafe-eval'", "*"), (directive, source)
    assert "'unsafe-inline'" not in policy["script-src"]
    assert all(s == "'self'" or s.startswith("'sha256-") or s == "'wasm-unsafe-eval'" for s in policy["script-src"])


def test_csp_allows_the_apps_own_inline_scripts_by_hash(conf):
    """The race's autoplay script (the app's only inline script) runs under the policy: its hash is listed."""
    from ui.compare import race

    assert race.AUTOPLAY_CSP_HASH in csp(conf)["script-src"]


def test_metrics_are_refused_at_the_proxy(conf):
    """Seen failing before the fix: /_stcore/metrics was passed to the replicas."""
    match = re.search(r"location\s+\^~\s+/_stcore/metrics\s*\{([^}]*)\}", server_block(conf))
    assert match and re.search(r"return\s+40[34]\s*;", match.group(1))
    assert "proxy_pass" not in match.group(1)


@pytest.mark.skipif(not replicas.nginx_available(), reason="nginx is not installed (apt-get install nginx-light)")
def test_rendered_template_is_valid_nginx(tmp_path):
    conf = replicas.render_nginx_conf([8501], 8080, tmp_path)
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    result = subprocess.run([nginx, "-t", "-c", str(conf), "-p", str(tmp_path)], capture_output=True, text=True,
                            timeout=30)
    assert result.returncode == 0, result.stderr


def test_streamlit_shows_no_links_off_the_booth():
    """Seen failing before the fix: client.showErrorLinks was Streamlit's "auto" (links on localhost, the kiosk)."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["client"]["showErrorLinks"] is False
    assert config["client"]["showErrorDetails"] == "none"
