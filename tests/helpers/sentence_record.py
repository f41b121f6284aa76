"""The minimal sentence record that reviewer.cv.crosscheck reads (index, start, end, text, plain), for CV tests."""
from dataclasses import dataclass


@dataclass
class Sentence:
    index: int
    start: int
    end: int
    text: str
    plain: str = ""
