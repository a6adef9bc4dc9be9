from django.contrib import admin
from django.urls import include, path

admin.site.site_header = "Hustings — teachers' room"
admin.site.site_title = "Hustings admin"
admin.site.index_title = "Quiz content and classes"

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("game.urls")),
]
