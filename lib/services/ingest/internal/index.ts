export { deliveryListColumns, findDelivery, rejectedForSignature, SIGNATURE_REJECTION } from "./stored-deliveries";
export { storeAcceptedDelivery, type AcceptedDelivery } from "./store-accepted-delivery";
