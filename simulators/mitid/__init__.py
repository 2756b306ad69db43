"""The simulated MitID: the login state machine and the service that keeps logins in the store."""
