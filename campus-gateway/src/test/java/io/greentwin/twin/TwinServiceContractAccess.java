package io.greentwin.twin;

/** Opens the twin-service contract to implementations in other packages. */
public abstract class TwinServiceContractAccess extends TwinServiceContract {}
