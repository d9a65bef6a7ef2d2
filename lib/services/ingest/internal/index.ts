export { deliveryListColumns, findDelivery, rejectedForSignature, SIGNATURE_REJECTION } from "./stored-deliveries";
export { storeAcceptedDelivery } from "./store-accepted-delivery";
