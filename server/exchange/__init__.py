"""Inter-agency exchange of edXML packages through the national document exchange axis (trục
liên thông văn bản quốc gia): ``axis`` is our client of the axis, ``hub`` a reference axis that
two of our document servers exchange through on loopback, in tests and in the demo."""
