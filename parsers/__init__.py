"""Pure parsers: (bytes, url, headers) -> an Article or a Listing. No I/O, no network."""
