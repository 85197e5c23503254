-- Each service owns its database (DESIGN.md); the services' Flyway migrations make the schemas at their start.
CREATE DATABASE pause;
CREATE DATABASE website_sync;
