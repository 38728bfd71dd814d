package org.kkr4j.remote.hpc;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Marks a test class that needs the test HPC computer of {@code .ci/hpc-start}: tagged {@code hpc}, and
 * reported as skipped (with the reason) unless {@code KKR4J_TEST_HPC=1} or {@code KKR4J_TEST_REQUIRE_HPC=1};
 * {@link HpcComputer#require()} then fails if the computer's variables are missing.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("hpc")
@ExtendWith(HpcTest.Condition.class)
@interface HpcTest {

    final class Condition implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return HpcComputer.enabled()
                    ? ConditionEvaluationResult.enabled("test HPC computer enabled")
                    : ConditionEvaluationResult.disabled(HpcComputer.ENABLE_VARIABLE + " is not 1: no test HPC "
                            + "computer (start one with: eval \"$(.ci/hpc-start)\"; export "
                            + HpcComputer.ENABLE_VARIABLE + "=1)");
        }
    }
}
