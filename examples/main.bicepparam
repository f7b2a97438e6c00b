using './main.bicep'

param location = 'westeurope'
param workload = 'orders'
