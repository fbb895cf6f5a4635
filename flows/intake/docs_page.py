"""The intake service's API docs as one HTML page made from its OpenAPI schema, with nothing
fetched from elsewhere (FastAPI's own docs page loads its script from a CDN, which an offline
machine cannot reach and a careful secretariat would not want)."""

from __future__ import annotations

import html
import json
from typing import Any

_STYLE = """
body { font: 15px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h2 { margin-top: 2.5rem; border-bottom: 1px solid #ccc; }
.method { display: inline-block; min-width: 4.5rem; font-weight: bold; }
code, pre { font-family: ui-monospace, monospace; background: #f4f4f4; }
pre { padding: .5rem; overflow-x: auto; }
table { border-collapse: collapse; } td, th { border: 1px solid #ddd; padding: .2rem .5rem; }
"""
POLICY = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'"


def docs_page(schema: dict[str, Any]) -> str:
    info = schema.get("info", {})
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        f"<title>{_e(info.get('title', 'API'))}</title><style>{_STYLE}</style></head><body>",
        f"<h1>{_e(info.get('title', 'API'))} <small>{_e(info.get('version', ''))}</small></h1>",
        f"<p>{_e(info.get('description', ''))}</p>",
        '<p>The machine-readable schema: <a href="/openapi.json">/openapi.json</a>.</p>',
    ]
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            parts.append(_operation(method, path, operation))
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _operation(method: str, path: str, operation: dict[str, Any]) -> str:
    lines = [
        f'<h2><span class="method">{_e(method.upper())}</span> <code>{_e(path)}</code></h2>',
        f"<p><strong>{_e(operation.get('summary', ''))}</strong></p>",
        f"<p>{_e(operation.get('description', '')).replace(chr(10) + chr(10), '</p><p>')}</p>",
    ]
    parameters = operation.get("parameters", [])
    if parameters:
        lines.append("<table><tr><th>parameter</th><th>in</th><th>required</th></tr>")
        for parameter in parameters:
            required = "yes" if parameter.get("required") else "no"
            lines.append(
                f"<tr><td><code>{_e(parameter['name'])}</code></td>"
                f"<td>{_e(parameter.get('in', ''))}</td><td>{required}</td></tr>"
            )
        lines.append("</table>")
    body = operation.get("requestBody", {}).get("content", {})
    for content_type, content in body.items():
        schema = json.dumps(content.get("schema", {}), indent=2)
        lines.append(f"<p>Body: <code>{_e(content_type)}</code></p><pre>{_e(schema)}</pre>")
    responses = operation.get("responses", {})
    if responses:
        lines.append("<table><tr><th>status</th><th>meaning</th></tr>")
        for status, response in responses.items():
            lines.append(
                f"<tr><td>{_e(status)}</td><td>{_e(response.get('description', ''))}</td></tr>"
            )
        lines.append("</table>")
    return "\n".join(lines)


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)
