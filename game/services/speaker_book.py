"""The people of one debate by name and alias: found, or made when an article introduces them."""

from __future__ import annotations

from game.importer.types import KnownPerson
from game.models import Debate, Speaker


class SpeakerBook:
    """The debate's speakers by name and alias; creates the ones an article introduces."""

    def __init__(self, debate: Debate):
        self.debate = debate
        self.by_name: dict[str, Speaker] = {}
        for speaker in Speaker.objects.filter(debate=debate):
            self._remember(speaker)

    def _remember(self, speaker: Speaker) -> None:
        self.by_name.setdefault(speaker.full_name.lower(), speaker)
        for alias in speaker.alias_list:
            self.by_name.setdefault(alias.lower(), speaker)

    def known_people(self) -> list[KnownPerson]:
        seen = {s.pk: s for s in self.by_name.values()}.values()
        return [KnownPerson(s.full_name, tuple(s.alias_list), s.role, s.organisation) for s in seen]

    def find(self, name: str) -> Speaker | None:
        """The debate's speaker of this name or alias, if there is one (never creates one)."""
        return self.by_name.get(name.lower())

    def get(self, name: str | None, *, group: bool = False) -> Speaker | None:
        if not name:
            return None
        speaker = self.by_name.get(name.lower())
        if speaker is None:
            speaker = Speaker.objects.create(debate=self.debate, full_name=name, is_group=group)
            self._remember(speaker)
        return speaker

    def forget_unsaved(self) -> None:
        """After a rolled-back file, drop speakers that were created inside its transaction."""
        existing = set(Speaker.objects.filter(debate=self.debate).values_list("pk", flat=True))
        self.by_name = {name: s for name, s in self.by_name.items() if s.pk in existing}
