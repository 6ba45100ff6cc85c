"""Floor 5, build: plan, make in parallel, assemble and publish the site."""
