package dev.salerush.shop.api;

/** Ends a request with the given status and error body; thrown by validation and mapped in {@link ShopRoutes}. */
public final class ApiException extends RuntimeException {

    private final int status;
    private final ApiError body;

    public ApiException(int status, ApiError body) {
        super(body.error() + (body.field() == null ? "" : " " + body.field()), null, false, false);
        this.status = status;
        this.body = body;
    }

    /** 400 naming the offending field. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, new ApiError(ApiError.INVALID_PARAMETER, field, message));
    }

    public static ApiException notFound(String error) {
        return new ApiException(404, ApiError.of(error));
    }

    public int status() {
        return status;
    }

    public ApiError body() {
        return body;
    }
}
