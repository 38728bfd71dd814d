package org.kkr4j.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * Run as a separate process by {@link SecondProcessLockTest}: takes the database's write lock, prints
 * {@code locked}, and holds it until a line (or end of input) arrives on stdin.
 */
public final class LockHolderMain {
    private LockHolderMain() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            if (url.startsWith("jdbc:sqlite:")) {
                s.execute("BEGIN IMMEDIATE");
            } else {
                c.setAutoCommit(false);
                s.execute("LOCK TABLE node IN EXCLUSIVE MODE");
            }
            System.out.println("locked");
            System.out.flush();
            new BufferedReader(new InputStreamReader(System.in)).readLine();
            if (url.startsWith("jdbc:sqlite:")) {
                s.execute("ROLLBACK");
            } else {
                c.rollback();
            }
        }
    }
}
