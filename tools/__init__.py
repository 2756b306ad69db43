"""One-off converters run by hand (geo shapes, indicator extraction); the app never imports them."""
