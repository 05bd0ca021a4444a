module thidua

go 1.26.8
