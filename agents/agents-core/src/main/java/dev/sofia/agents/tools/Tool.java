package dev.sofia.agents.tools;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a public method as a tool the model may call ({@link Tools#from}). Its parameters become
 * the tool's JSON schema (names from the compiled parameter names, descriptions from {@link
 * Description}); a {@link ToolContext} parameter is passed in, not shown to the model. The method
 * returns what the model reads (a short speakable string, or an object serialised as JSON) or
 * throws {@link ToolError} with a message the model may read.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Tool {

    /** What the tool does and when to use it; the model reads this. */
    String value();

    /** The tool's name; by default the method name in snake_case ({@code findFreeSlots} → {@code find_free_slots}). */
    String name() default "";

    /**
     * {@code false} for tools that must finish once started, e.g. a booking: a caller barging in
     * stops the speech, not the tool.
     */
    boolean interruptible() default true;

    /**
     * {@code true} for tools that may only run once the answer that called them was heard in full,
     * e.g. ending the call: if the caller interrupted that answer, the tool does not run.
     */
    boolean afterPlayout() default false;
}
