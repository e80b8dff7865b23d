"""JSON Schemas generated from the pydantic models (checked in under schemas/)."""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import BaseModel

from reportparse.model import Document, Result

SCHEMAS: dict[str, type[BaseModel]] = {"result.schema.json": Result, "document.schema.json": Document}


def schema_texts() -> dict[str, str]:
    """File name → schema JSON text, deterministic."""
    texts = {}
    for name, model in SCHEMAS.items():
        schema = model.model_json_schema(mode="serialization")
        schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        texts[name] = json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return texts


def write_schemas(out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in schema_texts().items():
        path = out_dir / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
