package dev.salerush.env.ops;

import dev.salerush.env.demo.GatewayAdmin;

/** The payment gateway's faults, through its admin API: the operations every embedded topology has. */
public final class GatewayOperations implements Operations {
    private final GatewayAdmin gateway;

    public GatewayOperations(GatewayAdmin gateway) {
        this.gateway = gateway;
    }

    /** Whether this is one of the gateway's operations. */
    public static boolean handles(Operation operation) {
        return operation == Operation.GATEWAY_ERRORS || operation == Operation.GATEWAY_DELAY
                || operation == Operation.GATEWAY_RECOVER;
    }

    @Override
    public void perform(Operation operation, String argument) {
        try {
            switch (operation) {
                case GATEWAY_ERRORS -> gateway.failWithStatus(Integer.parseInt(argument));
                case GATEWAY_DELAY -> gateway.fixedDelay(OperationSchedule.duration(argument, argument));
                case GATEWAY_RECOVER -> gateway.clearFaults();
                default -> throw new OperationFailedException(operation.configName()
                        + " needs embedded.topology = redundant");
            }
        } catch (IllegalStateException e) {
            throw new OperationFailedException("the payment gateway's admin API refused " + operation.configName()
                    + ": " + e.getMessage(), e);
        }
    }
}
