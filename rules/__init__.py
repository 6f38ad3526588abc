"""newslint's built-in rules. Each is registered in pyproject.toml under newslint.rules."""
