"""Helpers for the tests that start a real JupyterLab or a headless Chromium on loopback."""

from __future__ import annotations

import json
import socket
import subprocess
import time

import requests
import websocket


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(url: str, seconds: float = 60, **kwargs) -> requests.Response:
    deadline = time.monotonic() + seconds
    while True:
        try:
            response = requests.get(url, timeout=2, **kwargs)
            if response.ok:
                return response
        except requests.RequestException:
            pass
        if time.monotonic() > deadline:
            raise TimeoutError(f"{url} did not answer within {seconds} s")
        time.sleep(0.25)


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=5)


class DevTools:
    """A minimal Chrome DevTools Protocol client: send a command, collect the events."""

    def __init__(self, url: str):
        self.socket = websocket.create_connection(url, timeout=30)
        self.next_id = 0
        self.events: list[dict] = []

    def send(self, method: str, **params) -> dict:
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == self.next_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})
            self.events.append(message)

    def wait_event(self, method: str, seconds: float = 30) -> dict:
        deadline = time.monotonic() + seconds
        for event in self.events:
            if event.get("method") == method:
                self.events.remove(event)
                return event
        while time.monotonic() < deadline:
            message = json.loads(self.socket.recv())
            if message.get("method") == method:
                return message
            self.events.append(message)
        raise TimeoutError(method)

    def close(self) -> None:
        self.socket.close()
