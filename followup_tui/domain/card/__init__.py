"""The thank-you card: the draft and its wordings."""
