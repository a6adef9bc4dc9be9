"""Views, one module per area: pages (home, help, article), play, accounts, scores."""
