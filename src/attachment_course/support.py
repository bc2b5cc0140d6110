"""The privacy promise and the support line every exercise shows, worded once for all media."""

PRIVACY = (
    "Private: what you write stays on this device. Nothing is sent anywhere, and no one else can see it."
)
SUPPORT_SHORT = (
    "If this stirs up something hard, you can stop at any time. Need support now? "
    "Call or text 9-8-8 (Suicide Crisis Helpline); young people can call Kids Help Phone at "
    "1-800-668-6868 or text CONNECT to 686868; in an emergency, call 911."
)
#: Label of the book page with the full list of crisis and support lines.
SUPPORT_PAGE_LABEL = "before-you-begin"
SUPPORT_LINK_TEXT = "All support and crisis lines"
#: Placeholder the web view puts in links to the support page; the book's Sphinx extension
#: replaces it with the right relative address for each page.
SUPPORT_HREF_PLACEHOLDER = "ac-support-page:"
