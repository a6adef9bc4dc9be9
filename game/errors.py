"""Errors a player or teacher is told about, shared by the services and the game modes."""


class PlayError(Exception):
    """Something the player should be told, with the HTTP status that fits it."""

    def __init__(self, message: str, status: int = 400):
        super().__init__(message)
        self.message = message
        self.status = status
