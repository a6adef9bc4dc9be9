from django.contrib.auth import views as auth_views
from django.urls import path

from .views import accounts, classes, pages, play, scores, teach

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
    path("join/", classes.join, name="join"),
    path("join/<str:code>/", classes.join, name="join_code"),
    path("classes/<int:pk>/leave/", classes.leave, name="class_leave"),
    path("homework/<int:pk>/start/", classes.homework_start, name="homework_start"),
    path("teach/", teach.index, name="teach"),
    path("teach/classes/<int:pk>/", teach.class_page, name="teach_class"),
    path("teach/classes/<int:pk>/join-qr.svg", teach.join_qr, name="teach_join_qr"),
    path("teach/classes/<int:pk>/code/", teach.join_code_change, name="teach_code"),
    path("teach/classes/<int:pk>/students/", teach.students_add, name="teach_students_add"),
    path("teach/classes/<int:pk>/cards/", teach.cards, name="teach_cards"),
    path("teach/classes/<int:pk>/students/<int:membership_pk>/", teach.student_page, name="teach_student"),
    path("teach/classes/<int:pk>/homework/", teach.homework_add, name="teach_homework_add"),
    path("teach/classes/<int:pk>/debates/<int:debate_pk>/", teach.debate_items, name="teach_debate_items"),
    path("teach/classes/<int:pk>/results.csv", teach.results_csv, name="teach_results_csv"),
    path("teach/classes/<int:pk>/leaderboard/", teach.leaderboard, name="teach_leaderboard"),
    path("teach/homework/<int:pk>/", teach.homework_items, name="teach_homework"),
    path("accounts/signup/", accounts.signup, name="signup"),
    path("accounts/login/", accounts.PlayerLoginView.as_view(), name="login"),
    path("accounts/logout/", auth_views.LogoutView.as_view(), name="logout"),
]
