"""web/capacity.py: reviews take one of a few slots; a request beyond the queue is told the server is busy."""
from __future__ import annotations

import threading

import pytest

from reviewer.errors import InputError
from tests.helpers.web import BLAME_SAMPLE, WEB_TEST_CONFIG, sample_text
from web import create_app
from web.capacity import BUSY, Slots


def test_a_request_beyond_the_queue_is_refused_while_the_waiting_one_gets_its_turn():
    slots = Slots(1, queue=1)
    entered, release = threading.Event(), threading.Event()
    order = []

    def hold():
        with slots.take():
            order.append("first")
            entered.set()
            release.wait(10)

    def wait_then_run():
        with slots.take():
            order.append("second")

    first = threading.Thread(target=hold)
    first.start()
    assert entered.wait(10)
    second = threading.Thread(target=wait_then_run)
    second.start()
    for _ in range(1000):  # until the second request is counted as waiting
        if slots._waiting == 1:
            break
        threading.Event().wait(0.01)
    assert slots._waiting == 1
    with pytest.raises(InputError) as refused:
        with slots.take():
            pass
    assert refused.value.status == 503 and str(refused.value) == BUSY
    release.set()
    first.join(10)
    second.join(10)
    assert order == ["first", "second"], "the waiting request ran once the slot was free"
    with slots.take():  # and the slot is free again afterwards
        pass


def test_a_slot_is_given_back_when_the_review_fails():
    slots = Slots(1, queue=0)
    with pytest.raises(ValueError):
        with slots.take():
            raise ValueError("the review failed")
    with slots.take():
        pass


def test_the_slot_held_by_one_thread_is_not_shared_with_another():
    slots = Slots(1, queue=0)
    refused = []
    with slots.take():
        other = threading.Thread(target=lambda: refused.append(_refused(slots)))
        other.start()
        other.join(10)
    assert refused == [True]


def _refused(slots) -> bool:
    try:
        with slots.take():
            return False
    except InputError:
        return True


@pytest.mark.parametrize("path, data", [
    ("/review", {"text": sample_text(BLAME_SAMPLE)}),
    ("/download/docx", {"text": sample_text(BLAME_SAMPLE)}),
    ("/compare", {"old_text": sample_text(BLAME_SAMPLE), "new_text": sample_text(BLAME_SAMPLE)}),
    ("/api/review", None),
])
def test_the_app_answers_503_in_plain_words_when_every_slot_is_taken(path, data):
    app = create_app({**WEB_TEST_CONFIG, "REVIEWER_REVIEW_SLOTS": 1, "REVIEWER_REVIEW_QUEUE": 0})
    client = app.test_client()
    held, done = threading.Event(), threading.Event()

    def another_review():  # holds the only slot on another thread, as a concurrent request would
        with app.extensions["reviewer_slots"].take():
            held.set()
            done.wait(30)

    holder = threading.Thread(target=another_review)
    holder.start()
    assert held.wait(10)
    try:
        if data is None:
            busy = client.post(path, json={"text": sample_text(BLAME_SAMPLE)})
        else:
            busy = client.post(path, data=data)
        page = client.get("/")
    finally:
        done.set()
        holder.join(10)
    assert busy.status_code == 503
    assert "busy" in busy.get_data(as_text=True)
    assert page.status_code == 200, "pages are served while the reviews wait"
    if data is None:
        again = client.post(path, json={"text": sample_text(BLAME_SAMPLE)})
    else:
        again = client.post(path, data=data)
    assert again.status_code == 200, "once the slot is free the same request is reviewed"


@pytest.mark.parametrize("path, field", [("/review", "text"), ("/compare", "new_text")])
def test_a_busy_form_keeps_what_the_user_typed(path, field):
    app = create_app({**WEB_TEST_CONFIG, "REVIEWER_REVIEW_SLOTS": 1, "REVIEWER_REVIEW_QUEUE": 0})
    typed = "I failed Step 1 once and I rebuilt how I study, question by question."
    data = {"text": typed} if field == "text" else {"old_text": typed, "new_text": typed}
    with app.extensions["reviewer_slots"].take():  # (the test client runs in this thread: the slot is taken)
        busy = app.test_client().post(path, data=data)
    assert busy.status_code == 503 and "busy" in busy.get_data(as_text=True)
    assert typed in busy.get_data(as_text=True), "the form is shown again with the text in it"
