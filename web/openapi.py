"""The OpenAPI 3.1 description of the JSON API served at /api/openapi.json."""
from __future__ import annotations

from reviewer.review import LABELS, SCHEMA

_FINDING = {
    "type": "object",
    "required": ["rule", "level", "message", "why", "fix", "source", "start", "end", "sentences"],
    "properties": {
        "rule": {"type": "string", "examples": ["score.blame"]},
        "level": {"enum": ["suggestion", "warning", "error"]},
        "message": {"type": "string"}, "why": {"type": "string"}, "fix": {"type": "string"},
        "source": {"type": "string", "description": "the guide section the rule enforces"},
        "start": {"type": ["integer", "null"]}, "end": {"type": ["integer", "null"]},
        "sentences": {"type": "array", "items": {"type": "integer"}},
        "unsure": {"type": "boolean", "description": "optional: shown below its rule's level because the labels "
                                                      "behind it are not confident (worth a second look)"},
        "rule_level": {"enum": ["warning", "error"], "description": "optional, with unsure: the rule's own level"},
    },
}
_EVIDENCE = {
    "type": "object",
    "properties": {
        "confidence": {"type": "number", "description": "the model's probability for the label"},
        "confident": {"type": "boolean"},
        "words": {"type": "array", "items": {"type": "string"}, "description": "the words that weighed most"},
        "cues": {"type": "array", "items": {"type": "string"}},
        "decided_by_neighbours": {"type": "boolean"},
    },
}
_SENTENCE = {
    "type": "object",
    "required": ["index", "paragraph", "start", "end", "text", "labels"],
    "properties": {
        "index": {"type": "integer"}, "paragraph": {"type": "integer"},
        "start": {"type": "integer", "description": "offset into text (Python string index)"},
        "end": {"type": "integer"}, "text": {"type": "string"},
        "labels": {"type": "array", "items": {"enum": list(LABELS)}},
        "number": {"type": "integer", "description": "optional: the sentence's number from 1, as pages show it"},
        "evidence": {"type": "object", "additionalProperties": _EVIDENCE,
                     "description": "optional: why the sentence carries each of its labels"},
    },
}
_REVIEW = {
    "type": "object",
    "required": ["schema", "source", "text", "profile", "sentences", "passage", "findings", "metrics", "cv"],
    "properties": {
        "schema": {"const": SCHEMA},
        "source": {"type": "object", "properties": {
            "name": {"type": "string"}, "kind": {"type": "string"}, "characters": {"type": "integer"},
            "words": {"type": "integer"}, "paragraphs": {"type": "integer"}}},
        "text": {"type": "string"},
        "profile": {"type": ["object", "null"], "properties": {
            "flagged": {"type": "boolean"}, "reasons": {"type": "array", "items": {"type": "string"}}}},
        "sentences": {"type": "array", "items": _SENTENCE},
        "passage": {"type": "object", "properties": {
            "sentences": {"type": "array", "items": {"type": "integer"}}, "words": {"type": "integer"},
            "share": {"type": "number"}}},
        "findings": {"type": "array", "items": _FINDING},
        "metrics": {"type": "object", "properties": {
            "words": {"type": "integer"}, "characters": {"type": "integer"}, "sentences": {"type": "integer"},
            "paragraphs": {"type": "integer"}, "flesch_reading_ease": {"type": ["number", "null"]}}},
        "cv": {"type": ["object", "null"], "description": "entries, gaps, overlaps, date_order (YYYY-MM months)"},
        "as_of": {"type": "string", "description": "optional: the application month the review used"},
        "region": {"type": ["string", "null"], "description": "optional: the region pack the review used"},
        "disabled": {"type": "array", "items": {"type": "string"}, "description": "optional: rules turned off"},
        "notices": {"type": "array", "description": "optional: what could not be read (a CV line, hidden text)",
                    "items": {"type": "object", "properties": {
                        "source": {"type": "string"}, "where": {"type": "string"}, "text": {"type": "string"},
                        "reason": {"type": "string"}}}},
    },
}
_ERROR = {"type": "object", "required": ["error", "status"],
          "properties": {"error": {"type": "string", "description": "one plain sentence"}, "status": {"type": "integer"}}}
_JSON_BODY = {
    "type": "object", "required": ["text"],
    "properties": {
        "text": {"type": "string", "description": "the statement; offsets in the answer index this string"},
        "name": {"type": "string"},
        "cv": {"type": "object", "description": "an applicant file in the CV schema of DESIGN.md"},
        "as_of": {"type": "string", "pattern": "^\\d{4}-(0[1-9]|1[0-2])$", "description": "default: this month"},
        "region": {"type": "string", "description": "the region pack (default: georgia)"},
        "exams": {"type": "array", "items": {"oneOf": [
            {"type": "string", "examples": ["USMLE Step 1=fail,pass", "Step 2 CK=221"]},
            {"type": "object", "properties": {"exam": {"type": "string"}, "result": {"enum": ["pass", "fail"]},
                                              "score": {"type": "integer"}, "date": {"type": "string"}}}]}},
        "disable": {"type": "array", "items": {"type": "string"}, "description": "rule ids to turn off"},
    },
}
_FORM_BODY = {
    "type": "object",
    "properties": {
        "statement": {"type": "string", "format": "binary", "description": ".docx, .txt or .md"},
        "text": {"type": "string"},
        "cv": {"type": "string", "format": "binary", "description": ".json, .yaml, .csv, .docx or .txt"},
        "as_of": {"type": "string"}, "region": {"type": "string"},
        "exams": {"type": "array", "items": {"type": "string"}},
        "disable": {"type": "array", "items": {"type": "string"}},
    },
}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}


def spec() -> dict:
    """The whole OpenAPI document."""
    return {
        "openapi": "3.1.0",
        "info": {"title": "ERAS Narrative Reviewer API", "version": "1",
                 "description": "Reviews a residency personal statement against the IMG guide. Nothing sent is stored or logged."},
        "paths": {
            "/api/review": {"post": {
                "summary": "Review a statement (and optionally a CV and exam facts)",
                "requestBody": {"required": True, "content": {
                    "application/json": {"schema": _JSON_BODY},
                    "multipart/form-data": {"schema": _FORM_BODY}}},
                "responses": {
                    "200": {"description": "the review JSON", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Review"}}}},
                    "400": _error("nothing to review, a corrupt or unsafe .docx, or an invalid field"),
                    "413": _error("the upload is over the size limit"),
                    "415": _error("a file kind we do not read, or content that is not what its name says"),
                    "429": _error("too many requests from this client"),
                }}},
            "/api/openapi.json": {"get": {"summary": "This description",
                                          "responses": {"200": {"description": "OpenAPI 3.1 JSON"}}}},
        },
        "components": {"schemas": {"Review": _REVIEW, "Finding": _FINDING, "Sentence": _SENTENCE, "Error": _ERROR}},
    }
