package org.kkr4j.store.db;

import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.logging.Log;
import org.flywaydb.core.api.logging.LogCreator;

/**
 * Routes Flyway's messages to java.util.logging below the default console level: a CLI command that
 * opens the store must not print migration chatter or "database version not tested" notices. Errors
 * still surface as exceptions, which the store turns into a {@code StoreException}.
 */
public final class MigrationLog implements LogCreator {

    @Override
    public Log createLogger(Class<?> clazz) {
        Logger logger = Logger.getLogger(clazz.getName());
        return new Log() {
            @Override
            public void debug(String message) {
                logger.finest(message);
            }

            @Override
            public void info(String message) {
                logger.fine(message);
            }

            @Override
            public void warn(String message) {
                logger.config(message);
            }

            @Override
            public void error(String message) {
                logger.warning(message);
            }

            @Override
            public void error(String message, Exception e) {
                logger.log(Level.WARNING, message, e);
            }

            @Override
            public void notice(String message) {
                logger.fine(message);
            }
        };
    }
}
