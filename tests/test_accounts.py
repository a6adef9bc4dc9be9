"""Players' accounts: a username and password, no e-mail; a visitor's rounds come along."""

import pytest
from django.contrib.auth.models import User
from django.test import Client

from game.models import Mode, Round
from tests.factories import classroom_debate, round_play_through

pytestmark = pytest.mark.django_db


def test_signing_up_needs_no_email_and_logs_you_in(client):
    response = client.post("/accounts/signup/", {"username": "jo-b", "password1": "rainy-tuesday-42",
                                                 "password2": "rainy-tuesday-42"}, follow=True)
    assert response.redirect_chain[-1][0] == "/"
    user = User.objects.get(username="jo-b")
    assert user.email == "" and not user.is_staff
    assert response.context["user"] == user


def test_a_weak_or_mismatched_password_is_explained(client):
    response = client.post("/accounts/signup/", {"username": "jo", "password1": "12345678", "password2": "12345679"})
    page = response.content.decode()
    assert response.status_code == 200 and "didn’t match" in page
    assert not User.objects.filter(username="jo").exists()


def test_a_visitors_round_is_kept_when_they_sign_up(client):
    debate = classroom_debate()
    started = client.post(f"/play/{debate.slug}/{Mode.QUIZ}/")
    round_id = started["Location"].split("/")[2]
    round_play_through(client, round_id)
    client.post("/accounts/signup/", {"username": "newbie", "password1": "rainy-tuesday-42",
                                      "password2": "rainy-tuesday-42"})
    assert Round.objects.get(pk=round_id).player.username == "newbie"
    assert "Total points" in client.get("/me/").content.decode()


def test_logging_in_keeps_the_rounds_played_as_a_visitor(client, student):
    debate = classroom_debate()
    started = client.post(f"/play/{debate.slug}/{Mode.QUIZ}/")
    round_id = started["Location"].split("/")[2]
    response = client.post("/accounts/login/", {"username": "sam", "password": "pencil-case-77"}, follow=True)
    assert "Your round from this visit is saved to your account." in response.content.decode()
    assert Round.objects.get(pk=round_id).player == student


def test_a_wrong_password_gets_a_clear_message(client, student):
    response = client.post("/accounts/login/", {"username": "sam", "password": "nope"})
    assert "That username and password don't match" in response.content.decode()


def test_logging_out_is_a_post(client, student):
    client.force_login(student)
    assert client.get("/accounts/logout/").status_code == 405
    assert client.post("/accounts/logout/").status_code == 302
    assert "_auth_user_id" not in client.session


def test_a_visitor_cannot_see_another_visitors_round():
    debate = classroom_debate()
    first, second = Client(), Client()
    started = first.post(f"/play/{debate.slug}/{Mode.WHO_SAID}/")
    assert second.get(started["Location"]).status_code == 404
    assert first.get(started["Location"]).status_code == 200
