from django.contrib.auth import views as auth_views
from django.urls import path

from .views import accounts, pages, play, scores

urlpatterns = [
    path("", pages.home, name="home"),
    path("help/rules/", pages.help_rules, name="help_rules"),
    path("health/", pages.health, name="health"),
    path("articles/<int:article_id>/", pages.article_read, name="article"),
    path("play/<slug:slug>/<str:mode>/", play.round_new, name="round_new"),
    path("rounds/<str:round_id>/", play.round_play, name="round_play"),
    path("rounds/<str:round_id>/answer/", play.round_answer, name="round_answer"),
    path("rounds/<str:round_id>/sort/", play.round_sort, name="round_sort"),
    path("me/", scores.profile, name="profile"),
    path("leaderboard/<slug:slug>/", scores.leaderboard, name="leaderboard"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", accounts.PlayerLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
