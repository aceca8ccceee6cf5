package dev.salerush.shop.api;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Error body of every non-2xx answer: {@code {error, field?, message?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ApiError(String error, String field, String message) {

    public static final String INVALID_PARAMETER = "INVALID_PARAMETER";

    public static ApiError of(String error) {
        return new ApiError(error, null, null);
    }
}
