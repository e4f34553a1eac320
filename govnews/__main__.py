"""`python -m govnews`: the same command line as the `govnews` script."""
from govnews.scraper.cli import main

raise SystemExit(main())
