package dev.sofia.agents.livekit.data;

import livekit.LivekitModels;
import org.jspecify.annotations.Nullable;

/**
 * An RPC failure with a code, a message and optional data. Thrown by an {@link RpcHandler}, it
 * travels to the caller as is; a call's future fails with it. Built-in codes as in client-sdk-js
 * and rust-sdks; codes 1001–1999 are reserved for them, applications use others. The message is cut
 * to 256 bytes and the data to 15 KiB (UTF-8, whole characters).
 */
public final class RpcError extends Exception {

    public static final int APPLICATION_ERROR = 1500;
    public static final int CONNECTION_TIMEOUT = 1501;
    public static final int RESPONSE_TIMEOUT = 1502;
    public static final int RECIPIENT_DISCONNECTED = 1503;
    public static final int RESPONSE_PAYLOAD_TOO_LARGE = 1504;
    public static final int SEND_FAILED = 1505;
    public static final int UNSUPPORTED_METHOD = 1400;
    public static final int RECIPIENT_NOT_FOUND = 1401;
    public static final int REQUEST_PAYLOAD_TOO_LARGE = 1402;
    public static final int UNSUPPORTED_SERVER = 1403;
    public static final int UNSUPPORTED_VERSION = 1404;

    static final int MAX_MESSAGE_BYTES = 256;
    static final int MAX_DATA_BYTES = 15_360;

    private final int code;
    private final @Nullable String data;

    public RpcError(int code, String message) {
        this(code, message, null);
    }

    public RpcError(int code, String message, @Nullable String data) {
        super(Utf8.truncate(message, MAX_MESSAGE_BYTES));
        this.code = code;
        this.data = data == null || data.isEmpty() ? null : Utf8.truncate(data, MAX_DATA_BYTES);
    }

    public int code() {
        return code;
    }

    public @Nullable String data() {
        return data;
    }

    @Override
    public String getMessage() {
        String message = super.getMessage();
        return message != null ? message : "";
    }

    @Override
    public String toString() {
        return "RpcError " + code + ": " + getMessage() + (data != null ? " (" + data + ")" : "");
    }

    /** A built-in error with its standard message. */
    static RpcError builtIn(int code) {
        return builtIn(code, null);
    }

    static RpcError builtIn(int code, @Nullable String data) {
        String message = switch (code) {
            case APPLICATION_ERROR -> "Application error in method handler";
            case CONNECTION_TIMEOUT -> "Connection timeout";
            case RESPONSE_TIMEOUT -> "Response timeout";
            case RECIPIENT_DISCONNECTED -> "Recipient disconnected";
            case RESPONSE_PAYLOAD_TOO_LARGE -> "Response payload too large";
            case SEND_FAILED -> "Failed to send";
            case UNSUPPORTED_METHOD -> "Method not supported at destination";
            case RECIPIENT_NOT_FOUND -> "Recipient not found";
            case REQUEST_PAYLOAD_TOO_LARGE -> "Request payload too large";
            case UNSUPPORTED_SERVER -> "RPC not supported by server";
            case UNSUPPORTED_VERSION -> "Unsupported RPC version";
            default -> throw new IllegalArgumentException("not a built-in RPC error code: " + code);
        };
        return new RpcError(code, message, data);
    }

    static RpcError fromProto(LivekitModels.RpcError proto) {
        return new RpcError(proto.getCode(), proto.getMessage(), proto.getData());
    }

    LivekitModels.RpcError toProto() {
        var proto = LivekitModels.RpcError.newBuilder().setCode(code).setMessage(getMessage());
        if (data != null) {
            proto.setData(data);
        }
        return proto.build();
    }
}
