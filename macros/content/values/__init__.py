"""Value types of the content: partial dates, ids, allowed URLs, video addresses, captions, safe wording."""
