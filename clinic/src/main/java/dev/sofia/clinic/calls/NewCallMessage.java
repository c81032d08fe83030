package dev.sofia.clinic.calls;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A message for staff as the receptionist leaves it; {@link CallMessages#create} checks and
 * normalises it.
 *
 * @param callSessionId the call it came from; its caller number is used when {@code phone} is null
 * @param phone the number to call back, in any form the practice's country reads (stored as E.164)
 * @param reason what the caller wants, 1 to 1000 characters after trimming
 * @param language de, en or ru
 */
public record NewCallMessage(
        @Nullable UUID callSessionId,
        @Nullable UUID patientId,
        CallMessage.Kind kind,
        @Nullable String callerName,
        @Nullable String phone,
        String reason,
        @Nullable String language) {}
