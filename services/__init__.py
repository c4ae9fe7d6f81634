"""The application-service layer: every operation a user can start, as one
typed call shared by the desktop window and the command line.

Here the domains are combined — fetch a document from the server, sign it
with the token, upload the signed version (or queue it in the outbox while
offline), validate with the profile's trust roots, watch a folder — so the
two front ends cannot drift apart.  No Qt here; the front ends only ask for
input, call a service and show its typed result.
"""
