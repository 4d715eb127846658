/** Network resource types besides NSGs, read to relate public addresses to workloads. */
export const NIC_TYPE = 'Microsoft.Network/networkInterfaces';
export const PUBLIC_IP_TYPE = 'Microsoft.Network/publicIPAddresses';
