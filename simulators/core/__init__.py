"""The core every area builds on: the visit, the store, dates, sources and i18n."""
