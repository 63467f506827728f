"""An OpenAI-compatible chat server on 127.0.0.1 that answers by quoting the first sentence of six words or
more of the passages it was given, with its [n].

It stands in for a real model in tests of the whole LLM path (settings, LangChain client, HTTP, the
check of every sentence): the reply is built from the prompt, so the check can pass for real.
"""

from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeChatServer:
    def __init__(self) -> None:
        self.requests: list[dict] = []
        self.replies: list[str] = []
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
                body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
                server.requests.append(body)
                prompt = str(body.get("messages", [{}])[-1].get("content", ""))  # the question and passages
                first = "PAS DANS LES FICHES"
                for number, passage in re.findall(r"\[(\d+)\][^\n]*\n(.*?)(?=\n\n|\Z)", prompt, re.DOTALL):
                    sentences = [s for s in re.split(r"(?<=[.;])\s|\n", passage) if len(s.split()) >= 6]
                    if sentences:
                        first = f"{sentences[0].strip()} [{number}]"
                        break
                server.replies.append(first)
                reply = {"id": "fake", "object": "chat.completion", "created": 0, "model": body.get("model", "x"),
                         "choices": [{"index": 0, "finish_reason": "stop",
                                      "message": {"role": "assistant", "content": first}}],
                         "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
                data = json.dumps(reply).encode("utf-8")
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args) -> None:
                pass

        self._http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}/v1"
        self._thread = threading.Thread(target=self._http.serve_forever, daemon=True)

    def __enter__(self) -> FakeChatServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._http.shutdown()
        self._http.server_close()
