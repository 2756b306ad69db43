"""The self-service flows, one module per flow (see simulators.borger.framework)."""
