"""Files besides pages (feed, calendars, redirects, editor schemas, action-plan downloads): one producer list."""
