"""Real services for the failure tests: a throwaway Redis, an SMTP sink, a Celery worker.

Each runs on a free loopback port of its own and is stopped by the fixture that started it;
the shared Redis on 6379 is never touched.
"""

import email
import shutil
import socket
import subprocess
import sys
import threading
import time
from email import policy
from pathlib import Path

import redis
from aiosmtpd.controller import Controller

BASE_DIR = Path(__file__).resolve().parents[2]
REDIS_SERVER = shutil.which("redis-server")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until(condition, *, timeout: float, interval: float = 0.05, explain=None):
    """Poll `condition` until it returns something truthy; fail after `timeout` seconds with
    `explain()` (called only then, so it can read logs written meanwhile)."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(explain() if explain else f"timed out after {timeout} s")
        time.sleep(interval)


def stop_process(process: subprocess.Popen, *, grace: float = 10) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(grace)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(grace)


class RedisServer:
    """A redis-server on its own port, without persistence, that a test may stop and restart."""

    def __init__(self):
        self.port = free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process: subprocess.Popen | None = None

    def client(self) -> redis.Redis:
        return redis.Redis(host="127.0.0.1", port=self.port, socket_timeout=1)

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise AssertionError(f"redis-server on port {self.port} exited at start")
        try:
            return self.client().ping()
        except redis.ConnectionError:
            return False

    def start(self) -> None:
        self.process = subprocess.Popen(
            [
                REDIS_SERVER,
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_until(
            self._answers,
            timeout=10,
            explain=lambda: f"redis-server on port {self.port} did not start",
        )

    def stop(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None


class SmtpSink:
    """aiosmtpd handler that keeps what it receives, or refuses with a chosen reply."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []
        self.refuse_rcpt = ""
        self.refuse_data = ""
        self._lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_rcpt:
            return self.refuse_rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        if self.refuse_data:
            return self.refuse_data
        message = email.message_from_bytes(envelope.original_content, policy=policy.default)
        with self._lock:
            self.messages.append(message)
        return "250 Message accepted for delivery"

    def accept(self) -> None:
        self.refuse_rcpt = self.refuse_data = ""

    def received(self) -> list:
        with self._lock:
            return list(self.messages)


def smtp_controller(handler: SmtpSink) -> Controller:
    return Controller(handler, hostname="127.0.0.1", port=free_port(), ready_timeout=10)


class CeleryWorker:
    """`celery -A jobboard worker` in a subprocess with production settings from the
    environment, as it runs in deployment; its output goes to a log file for failures."""

    def __init__(self, *, env: dict, log_path: Path):
        self.env = env
        self.log_path = log_path
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        celery = Path(sys.executable).with_name("celery")
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [
                    str(celery),
                    "-A",
                    "jobboard",
                    "worker",
                    "--pool=solo",
                    "--concurrency=1",
                    "-Q",
                    "celery",
                    "--without-gossip",
                    "--without-mingle",
                    "--without-heartbeat",
                    "-l",
                    "WARNING",
                ],
                cwd=BASE_DIR,
                env=self.env,
                stdout=log,
                stderr=subprocess.STDOUT,
            )

    def log(self) -> str:
        try:
            return self.log_path.read_text(errors="replace")[-4000:]
        except OSError:
            return ""

    def stop(self) -> None:
        if self.process is None:
            return
        stop_process(self.process)
        self.process = None
