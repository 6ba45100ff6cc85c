"""Floor 1, load: read content/ and check it against the form spec (generator/forms)."""
