package org.crisisdesk.app;

import java.nio.file.Path;

/** What the command line decided for the desk window. */
public record DeskOptions(Path home, String dbUrl, double demoSpeed) {}
