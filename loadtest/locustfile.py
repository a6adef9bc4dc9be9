"""Locust users for `python3 dev.py bench --load` (see loadtest/answers.py, which runs them).

- FloorUser: the one-query health view behind all of Hustings' middleware, the floor to compare with.
- PlayerUser: a visitor playing "Who said it?" rounds through the htmx answer path, as a browser
  does: one POST an answer, whose response carries the feedback and the next question.

HUSTINGS_PAUSE="2,5" makes players think for 2-5 s between answers; unset, they never pause.
"""

import os
import random
import re

from locust import HttpUser, between, constant, task

DEBATE = os.environ.get("HUSTINGS_DEBATE", "junior-doctors-contract")
PAUSE = os.environ.get("HUSTINGS_PAUSE", "")
POSITION = re.compile(r'name="position" value="(\d+)"')
OPTION = re.compile(r'name="answer" value="(\d+)"')


def pause():
    if not PAUSE:
        return constant(0)
    low, high = (float(x) for x in PAUSE.split(","))
    return between(low, high)


class FloorUser(HttpUser):
    wait_time = constant(0)

    @task
    def floor(self):
        self.client.get("/health/", name="floor")


class PlayerUser(HttpUser):
    wait_time = pause()

    def on_start(self):
        self.client.get("/", name="home")
        self.round_start()

    def headers(self):
        return {"X-CSRFToken": self.client.cookies.get("csrftoken", ""), "HX-Request": "true"}

    def round_start(self):
        response = self.client.post(f"/play/{DEBATE}/who_said/", headers=self.headers(), name="start round")
        self.round_url = response.headers["HX-Redirect"]
        self.question = self.client.get(self.round_url, name="question page").text

    @task
    def answer(self):
        position, options = POSITION.search(self.question), OPTION.findall(self.question)
        if not position or not options:
            self.round_start()
            return
        with self.client.post(f"{self.round_url}answer/", data={"position": position.group(1),
                                                                "answer": random.choice(options)},
                              headers=self.headers(), name="answer", catch_response=True) as response:
            if response.status_code != 200 or ("Right!" not in response.text and "Not quite" not in response.text):
                response.failure(f"no feedback (HTTP {response.status_code})")
                self.round_start()
                return
            self.question = response.text  # the next question came with the feedback
