package dev.salerush.sim.integrity;

import dev.salerush.env.demo.GatewayAdmin.Payment;
import dev.salerush.env.demo.GatewayAdmin.PaymentVoid;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The charges in the gateway's journal, split by the voids in it: a charge is voided when a void names its order id
 * and idempotency key (the shop voids a charge it gave up on, e.g. after a gateway timeout). Matching the order id
 * too matters: a client retry after the 503 re-uses the key for a new order, whose charge the void does not cancel.
 *
 * @param standing the charges that stand: each must belong to a PAID order
 * @param voided   the charges cancelled by a void
 */
public record GatewayCharges(List<Payment> standing, List<Payment> voided) {

    public static GatewayCharges of(List<Payment> charges, List<PaymentVoid> voids) {
        Set<PaymentVoid> voidOf = new HashSet<>(voids);
        List<Payment> standing = new ArrayList<>();
        List<Payment> voided = new ArrayList<>();
        for (Payment charge : charges) {
            boolean cancelled = voidOf.contains(new PaymentVoid(charge.orderId(), charge.idempotencyKey()));
            (cancelled ? voided : standing).add(charge);
        }
        return new GatewayCharges(List.copyOf(standing), List.copyOf(voided));
    }

    public int total() {
        return standing.size() + voided.size();
    }
}
