"""The server as people run it (waitress): request and response bodies stay in memory, 405 names the methods
that work, and requests that fail the CSRF check still count towards the rate limit."""
import os
import socket
import tempfile
import threading
import time

import pytest
from waitress.server import create_server

from web import create_app
from web.serve import settings


def files_under_temp() -> list[str]:
    """The files this process holds open in the temporary folder (deleted ones included)."""
    temp, found = os.path.realpath(tempfile.gettempdir()), []
    for fd in os.listdir("/proc/self/fd"):
        try:
            target = os.readlink(f"/proc/self/fd/{fd}")
        except OSError:
            continue
        if target.startswith(temp + "/"):
            found.append(target)
    return found


@pytest.fixture(scope="module")
def app():
    return create_app({"TESTING": True, "RATELIMIT_ENABLED": False})


def held_files_while_uploading(app, **options) -> list[str]:
    """Serve ``app`` with waitress, send most of an upload of the largest allowed size, and list the temporary
    files the server holds at that moment (waitress spools a body it keeps on disk as it arrives)."""
    before = set(files_under_temp())  # (pytest's own capture files among them)
    server = create_server(app, host="127.0.0.1", port=0, threads=2, **options)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        size = app.config["MAX_CONTENT_LENGTH"] - 4096
        boundary = "x" * 20
        head = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"statement\"; filename=\"s.txt\"\r\n"
                "Content-Type: text/plain\r\n\r\n").encode()
        tail = f"\r\n--{boundary}--\r\n".encode()
        body = head + b"marker " * ((size - len(head) - len(tail)) // 7) + tail
        port = server.effective_port
        with socket.create_connection(("127.0.0.1", port), timeout=30) as sock:
            sock.sendall((f"POST /api/review HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: {len(body)}\r\n"
                          f"Content-Type: multipart/form-data; boundary={boundary}\r\n\r\n").encode())
            sock.sendall(body[: len(body) * 3 // 4])
            time.sleep(1.0)  # let the server take in what was sent
            held = [name for name in files_under_temp() if name not in before]
            sock.sendall(body[len(body) * 3 // 4:])
            sock.recv(65536)
        return held
    finally:
        server.trigger.pull_trigger(server.close)  # closed by its own loop (closing from here can race a select())
        thread.join(timeout=5)


def test_an_upload_of_the_largest_allowed_size_never_reaches_the_disk(app):
    assert held_files_while_uploading(app, **settings(app)) == []


def test_waitress_alone_would_spool_it_to_disk(app):
    """The control: waitress's own defaults keep a body over 512 KB in a temporary file (so the test above can
    fail)."""
    assert held_files_while_uploading(app) != []


def test_405_names_the_methods_the_address_takes(app):
    response = app.test_client().delete("/api/review")
    assert response.status_code == 405
    assert set(response.headers["Allow"].replace(" ", "").split(",")) >= {"POST"}


def test_requests_failing_the_csrf_check_count_towards_the_limit():
    app = create_app({"TESTING": True, "RATELIMIT_APPLICATION": "5 per minute"})
    client = app.test_client()
    statuses = [client.post("/review", data={"text": "x" * 1000}).status_code for _ in range(8)]
    assert statuses[:5] == [400] * 5 and statuses[5:] == [429] * 3
