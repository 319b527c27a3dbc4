host-tests:
